import type { ButtonHTMLAttributes, ReactNode } from 'react'
import type { RunStatus } from '../../src/index.ts'
import './ui.css'

/** The frame of every story: a title, a line of context, the demo. */
export function Page(props: {
  title: string
  lead: ReactNode
  children: ReactNode
}) {
  return (
    <main className="lc-page">
      <h1>{props.title}</h1>
      <p className="lc-lead">{props.lead}</p>
      {props.children}
    </main>
  )
}

export function Card(props: {
  title: string
  status?: RunStatus | undefined
  children: ReactNode
  label?: string
}) {
  return (
    <section className="lc-card" aria-label={props.label ?? props.title}>
      <header>
        <h2>{props.title}</h2>
        {props.status && <StatusBadge status={props.status} />}
      </header>
      {props.children}
    </section>
  )
}

export function Button({
  variant = 'secondary',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'danger'
}) {
  return (
    <button
      type="button"
      className="lc-button"
      data-variant={variant}
      {...props}
    />
  )
}

export function StatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className="lc-badge" data-status={status} data-testid="status">
      {status}
    </span>
  )
}

/**
 * A progress bar with its message. `null` progress while running shows a
 * sliding bar: the amount is unknown, not zero.
 */
export function ProgressBar(props: {
  value: number | null
  message?: string | undefined
  label?: string
  running?: boolean
}) {
  const { value, running = false } = props
  const percent = value === null ? 0 : Math.round(value * 100)
  return (
    <div
      className="lc-progress"
      data-indeterminate={value === null && running ? '' : undefined}
    >
      <div
        className="lc-progress-track"
        role="progressbar"
        aria-label={props.label ?? 'Progress'}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value === null ? undefined : percent}
      >
        <div className="lc-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="lc-progress-label">
        <span>{props.message ?? '\u00a0'}</span>
        <span>{value === null ? '' : `${percent}%`}</span>
      </div>
    </div>
  )
}

export function Stats({ children }: { children: ReactNode }) {
  return <dl className="lc-stats">{children}</dl>
}

/** A labelled figure; `raw` keeps the unformatted number for tests. */
export function Stat(props: {
  label: string
  value: ReactNode
  raw?: number | undefined
  testId?: string
}) {
  return (
    <div className="lc-stat">
      <dt>{props.label}</dt>
      <dd data-testid={props.testId} data-value={props.raw}>
        {props.value}
      </dd>
    </div>
  )
}

/** An error shown as the page shows any state: its name, its message. */
export function ErrorMessage({ error }: { error: Error | undefined }) {
  if (!error) return null
  return (
    <div className="lc-error" role="alert">
      <strong>{error.name}</strong>: {error.message}
    </div>
  )
}

export function Note({ children }: { children: ReactNode }) {
  return <p className="lc-note">{children}</p>
}

const integer = new Intl.NumberFormat('en-US')

export function formatInt(value: number): string {
  return integer.format(value)
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
}
