// Priority custom function: urgency × importance × readiness.
import { priorityScore } from '../../core/priority';
import { elementwise, type Out } from './cells';

/**
 * Goal priority score: urgency × importance × readiness (each 1–5), 1–125.
 * @param {number[][]} urgency Urgency 1–5.
 * @param {number[][]} importance Importance 1–5.
 * @param {number[][]} readiness Readiness 1–5.
 * @return {number[][]} The product, cell by cell; blank where any rating is blank.
 * @customfunction
 */
export function PRIORITY_SCORE(urgency: unknown, importance: unknown, readiness: unknown): Out {
  return elementwise([urgency, importance, readiness], ['urgency', 'importance', 'readiness'], (u, i, r) => priorityScore(u, i, r));
}
