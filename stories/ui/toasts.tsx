import { useCallback, useEffect, useRef, useState } from 'react'

export type ToastTone = 'info' | 'success' | 'error'

interface Toast {
  id: number
  text: string
  tone: ToastTone
}

const SHOWN_MS = 4000
const MAX_TOASTS = 5

/** A list of short-lived notifications and the function that adds one. */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([])
  const lastId = useRef(0)
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>())

  useEffect(() => {
    const pending = timers.current
    return () => pending.forEach(clearTimeout)
  }, [])

  const toast = useCallback((text: string, tone: ToastTone = 'info') => {
    const id = ++lastId.current
    setToasts((shown) => [...shown, { id, text, tone }].slice(-MAX_TOASTS))
    const timer = setTimeout(() => {
      timers.current.delete(timer)
      setToasts((shown) => shown.filter((t) => t.id !== id))
    }, SHOWN_MS)
    timers.current.add(timer)
  }, [])

  return { toasts, toast }
}

export function ToastArea({ toasts }: { toasts: Toast[] }) {
  return (
    <div className="lc-toasts" role="status" aria-label="Notifications">
      {toasts.map((t) => (
        <div key={t.id} className="lc-toast" data-tone={t.tone}>
          {t.text}
        </div>
      ))}
    </div>
  )
}
