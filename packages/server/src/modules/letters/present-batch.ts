import type { LetterBatch } from '@zongzhi/contracts';
import type { BatchRow } from './letters.repository';

export const presentBatch = ({ issuerPath: _, recipientUnitIds: _r, ...batch }: BatchRow): LetterBatch =>
  batch;
