/** Who applied: an individual, a family (2021+), or a unit (company). */
export type ApplicantKind = 'individual' | 'family' | 'unit';

/** Every kind, indexed by its numeric id in the pool's typed arrays. */
export const APPLICANT_KINDS: readonly ApplicantKind[] = ['individual', 'family', 'unit'];

/** The letter that stands for each kind in the canonical pool form (docs/spec.md §2.3). */
export const KIND_LETTERS: readonly string[] = ['I', 'F', 'U'];

/** Numeric id of a kind (its index in APPLICANT_KINDS). */
export function kindId(kind: ApplicantKind): number {
  return kind === 'individual' ? 0 : kind === 'family' ? 1 : 2;
}
