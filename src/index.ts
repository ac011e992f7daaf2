export { defineLongTask } from './core/defineLongTask.ts'
export {
  AbortError,
  DataCloneError,
  PoolTerminatedError,
  TimeoutError,
  UnknownTaskError,
  WorkerCrashError,
} from './core/errors.ts'
export { invokeLongCallback } from './core/invokeLongCallback.ts'
export {
  createLongCallbackStore,
  getDefaultStore,
  idleRunState,
} from './core/store.ts'
export type {
  EndReason,
  InvokeOptions,
  LongCallbackState,
  LongCallbackStore,
  LongRun,
  LongTask,
  PoolStats,
  RunHooks,
  RunState,
  RunStatus,
  StatusHandler,
  StatusInfo,
  TaskContext,
  TaskFn,
  TaskInput,
  TaskMap,
  TaskResult,
  WorkerPool,
} from './core/types.ts'
