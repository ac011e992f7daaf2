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
export { createWorkerPool } from './core/pool.ts'
export type { WorkerPoolOptions } from './core/pool.ts'
export { transfer } from './core/transfer.ts'
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
export { LongCallbackProvider } from './react/LongCallbackProvider.tsx'
export type { LongCallbackProviderProps } from './react/LongCallbackProvider.tsx'
export { useLongCallback } from './react/useLongCallback.ts'
export type {
  UseLongCallbackOptions,
  UseLongCallbackResult,
} from './react/useLongCallback.ts'
export { useLongCallbackState } from './react/useLongCallbackState.ts'
export type {
  Concurrency,
  ControllerOptions,
  InvokeArgs,
  PageTaskFn,
} from './core/controllerOptions.ts'
