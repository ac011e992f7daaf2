// notify.tsx: a stand-in for Taipy's notify(), built on zustand
import { create } from 'zustand'

type Kind = 'info' | 'success' | 'warning' | 'error'
interface Notice {
  id: number
  kind: Kind
  message: string
}

let lastId = 0
const useNotices = create<{ list: Notice[] }>(() => ({ list: [] }))

export function notify(kind: Kind, message: string): void {
  const notice = { id: ++lastId, kind, message }
  useNotices.setState(({ list }) => ({ list: [...list.slice(-4), notice] }))
}

export function clearNotifications(): void {
  useNotices.setState({ list: [] })
}

export function Notifications() {
  const list = useNotices((state) => state.list)
  return (
    <ul aria-label="notifications">
      {list.map((notice) => (
        <li key={notice.id} className={notice.kind}>
          {notice.message}
        </li>
      ))}
    </ul>
  )
}
