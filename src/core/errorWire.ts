import {
  AbortError,
  DataCloneError,
  PoolTerminatedError,
  TimeoutError,
  UnknownTaskError,
  WorkerCrashError,
} from './errors.ts'

/** An error as it crosses a thread: plain data that any browser can clone. */
export interface SerializedError {
  name: string
  message: string
  stack: string | undefined
  cause?: SerializedError | { value: unknown }
  props?: Record<string, unknown>
}

// Classes rebuilt on the page, so that `instanceof` works on what a worker
// threw.
const KNOWN: Record<string, new (message: string) => Error> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
  WorkerCrashError,
  TimeoutError,
  PoolTerminatedError,
  UnknownTaskError,
  DataCloneError,
}

const OWN_FIELDS = new Set(['name', 'message', 'stack', 'cause'])

/**
 * Flattens a thrown value into data. Errors are not cloneable in every
 * browser, and a clone loses custom classes, so the library does it itself.
 */
export function serializeError(thrown: unknown, depth = 0): SerializedError {
  if (!(thrown instanceof Error)) {
    return { name: 'Error', message: textOf(thrown), stack: undefined }
  }
  const data: SerializedError = {
    name: thrown.name,
    message: thrown.message,
    stack: thrown.stack,
  }
  if (thrown.cause !== undefined && depth < 8) {
    const cause =
      thrown.cause instanceof Error
        ? serializeError(thrown.cause, depth + 1)
        : cloneable(thrown.cause)
    if (cause) data.cause = cause
  }
  const props = ownProps(thrown)
  if (props) data.props = props
  return data
}

function cloneable(value: unknown): { value: unknown } | undefined {
  try {
    return { value: structuredClone(value) }
  } catch {
    return undefined
  }
}

// Custom fields such as `code` or `status` travel when they can be cloned.
function ownProps(error: Error): Record<string, unknown> | undefined {
  let props: Record<string, unknown> | undefined
  for (const key of Object.keys(error)) {
    if (OWN_FIELDS.has(key)) continue
    const copy = cloneable((error as unknown as Record<string, unknown>)[key])
    if (!copy) continue
    props ??= {}
    props[key] = copy.value
  }
  return props
}

/** Rebuilds a real `Error` of the matching class from its serialized form. */
export function deserializeError(data: SerializedError): Error {
  const Known = KNOWN[data.name]
  const error = Known ? new Known(data.message) : new Error(data.message)
  if (error.name !== data.name) error.name = data.name
  if (data.name === 'AbortError') return rebuildAbort(data)
  error.stack = data.stack ?? `${data.name}: ${data.message}`
  if (data.cause) {
    error.cause =
      'value' in data.cause && !('name' in data.cause)
        ? data.cause.value
        : deserializeError(data.cause as SerializedError)
  }
  if (data.props) Object.assign(error, data.props)
  return error
}

function rebuildAbort(data: SerializedError): AbortError {
  const error = new AbortError(data.props?.['reason'])
  error.message = data.message
  error.stack = data.stack ?? `AbortError: ${data.message}`
  return error
}

/**
 * `String(value)`, for any value: an object without a prototype, or with a
 * `toString` that throws, has no string form, and describing a failure must
 * not fail in turn.
 */
export function textOf(value: unknown): string {
  try {
    return String(value)
  } catch {
    return Object.prototype.toString.call(value)
  }
}

/** The message of an error, or the text of anything else thrown. */
export function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : textOf(thrown)
}
