/** Tasks over the cells of the fix-set analysis and of sweeps (see tasks.ts). */
export const CELL_TASKS = {};
