export { transfer } from './core/transfer.ts'
export type {
  TaskContext,
  TaskFn,
  TaskInput,
  TaskMap,
  TaskResult,
} from './core/types.ts'
export { defineTasks } from './worker/defineTasks.ts'
