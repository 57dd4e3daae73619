// The clinic's band choices an instrument definition allows (a band scheme, a cut-off, the boundary value), derived once from the definition.
import type { InstrumentDefinition } from './schema';

export interface ClinicChoices {
  /** Sources disagree on the bands: the clinic picks a scheme (K10, CORE-10). */
  bandScheme: boolean;
  /** The cut-off may move within a documented range (PCL-5). */
  cutoff: boolean;
  /** A cut-off without bands: the clinic decides which side a score exactly at it falls (ORS, SRS, OQ-45). */
  atCutoff: boolean;
}

/** Which of the clinic's band choices apply to this definition. */
export function clinicChoices(def: InstrumentDefinition): ClinicChoices {
  return { bandScheme: (def.bandSchemes?.length ?? 0) > 1, cutoff: !!def.cutoff?.range, atCutoff: !!def.cutoff && !def.bandSchemes };
}

/** True when the band a total gets depends on the clinic's Settings, so they must be read before banding. */
export function bandNeedsSettings(def: InstrumentDefinition): boolean {
  const c = clinicChoices(def);
  return c.bandScheme || c.cutoff || c.atCutoff;
}

/** True when a total gets a band at all (bands or a cut-off). */
export function hasBand(def: InstrumentDefinition): boolean {
  return !!def.bandSchemes || !!def.cutoff;
}
