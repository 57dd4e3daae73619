// Length and count limits (policy): a cell holds 50,000 characters; these keep rows readable.

export const LIMITS = {
  shortText: 60,
  text: 500,
  title: 200,
  id: 120,
  objectivesPerGoal: { min: 1, max: 5 },
  goalsPerPlan: { min: 1, max: 6 },
} as const;
