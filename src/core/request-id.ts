// The request id every sidebar save carries: made once per save attempt and sent again on a retry, so the server can tell a retry of a save that already landed from a new save.
import * as z from 'zod/mini';
import { expected } from './messages';

/** 8–64 letters, digits, "-" or "_": what the sidebar makes; kept in Audit's Request column. */
export const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** Optional: a save sent without one (a script, an older sidebar) is simply not deduplicated. */
export const requestIdField = z.optional(z.string(expected('a request id as text')).check(z.regex(REQUEST_ID, expected('a request id of 8–64 letters, digits, "-" or "_"'))));
