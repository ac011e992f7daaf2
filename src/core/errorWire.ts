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
  /** The errors of an `AggregateError`. */
  errors?: SerializedError[]
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
    // As the page wraps a non-Error that a task on the page throws.
    const data: SerializedError = {
      name: 'Error',
      message: nonErrorMessage(thrown),
      stack: undefined,
    }
    const cause = cloneable(thrown)
    if (cause) data.cause = cause
    return data
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
  if (thrown instanceof AggregateError && depth < 8) {
    data.errors = Array.from(thrown.errors, (error: unknown) =>
      serializeError(error, depth + 1),
    )
  }
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

/**
 * Rebuilds a real `Error` of the matching class from its serialized form.
 * A record it cannot read (a worker's own code may post anything) becomes
 * an `Error` that says so: the run must end, not hang on a throw here.
 */
export function deserializeError(data: SerializedError): Error {
  try {
    return rebuild(data)
  } catch (cause) {
    return new Error(
      `The worker reported an error the page could not read: ${messageOf(cause)}`,
    )
  }
}

function rebuild(data: SerializedError): Error {
  // Own names only: `toString` or `constructor` are no error classes.
  const Known = Object.hasOwn(KNOWN, data.name) ? KNOWN[data.name] : undefined
  const error =
    data.name === 'AbortError'
      ? new AbortError(data.props?.['reason'])
      : data.errors
        ? new AggregateError(data.errors.map(rebuild), data.message)
        : new (Known ?? Error)(data.message)
  error.message = data.message
  if (error.name !== data.name) error.name = data.name
  error.stack = data.stack ?? `${data.name}: ${data.message}`
  if (data.cause) {
    error.cause =
      'value' in data.cause && !('name' in data.cause)
        ? data.cause.value
        : rebuild(data.cause as SerializedError)
  }
  if (data.props) {
    const { reason: _reason, ...props } = data.props
    Object.assign(error, data.name === 'AbortError' ? props : data.props)
  }
  return error
}

/** The message of the `Error` that stands for a thrown non-Error value. */
export function nonErrorMessage(thrown: unknown): string {
  return `Task failed with a non-Error value: ${textOf(thrown)}`
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
