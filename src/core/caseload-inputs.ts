// The sidebar's new-client and goal-priorities inputs (zod/mini): addClient and savePriorities validate against these.
import * as z from 'zod/mini';
import { clientCodeSchema } from './client-code';
import { idSchema, isoDate, optionalText, text, vocabulary, wholeNumber } from './field-schemas';
import { LIMITS } from './limits';
import { expected } from './messages';
import { requestIdField } from './request-id';
import { DBT_TIERS } from './vocabularies';

export const addClientSchema = z.object(
  {
    code: clientCodeSchema,
    clinician: text('a clinician', LIMITS.shortText),
    startDate: isoDate('a start date'),
    modality: optionalText('a modality', LIMITS.shortText),
    /** The clinician's explicit confirmation that a code which looks like a name (core codeLooksLikeName) is not one. */
    notAName: z.optional(z.boolean(expected('true (this code is not a name) or nothing'))),
    requestId: requestIdField,
  },
  expected('a new client {code, clinician, startDate, modality}'),
);

export type AddClientInput = z.infer<typeof addClientSchema>;

export const priorityRowSchema = z.object(
  {
    goalId: idSchema,
    urgency: wholeNumber('urgency', 1, 5),
    importance: wholeNumber('importance', 1, 5),
    readiness: wholeNumber('readiness', 1, 5),
    tier: z.union([z.literal(''), vocabulary('a DBT tier', DBT_TIERS)], expected(`a DBT tier (${DBT_TIERS.join(', ')}) or blank`)),
  },
  expected('a priority {goalId, urgency, importance, readiness, tier}'),
);

export const savePrioritiesSchema = z.object(
  {
    clientCode: clientCodeSchema,
    items: z.array(priorityRowSchema, expected('a list of priorities')).check(z.minLength(1, expected('at least one goal to prioritise'))),
    requestId: requestIdField,
  },
  expected('priorities {clientCode, items}'),
);

export type PriorityRow = z.infer<typeof priorityRowSchema>;
export type SavePrioritiesInput = z.infer<typeof savePrioritiesSchema>;
