export type DutyErrorCode = 'duplicate_duty' | 'duplicate_unit';

/** A typed failure of the duty rules; the id names the offending duty or unit. */
export class DutyError extends Error {
  override readonly name = 'DutyError';

  constructor(
    readonly code: DutyErrorCode,
    readonly id: string,
  ) {
    super(`${code}: ${id}`);
  }
}
