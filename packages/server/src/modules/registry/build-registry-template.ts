import { createRegistryWorkbook, writeWorkbook } from './registry-workbook';

/** The empty registry workbook a county office fills in: 单位 / 人员 / 任职 and 说明. */
export const buildRegistryTemplate = async (): Promise<Buffer> => writeWorkbook(createRegistryWorkbook());
