/** Where a command writes: stdout for results and progress, stderr for warnings and errors. */
export type Output = { out: (text: string) => void; err: (text: string) => void };
