// policies.tsx
import { defineLongTask, useLongCallback } from 'react-long-callback'

const save = defineLongTask(async (text: string, ctx) => {
  const response = await fetch('/api/save', {
    method: 'POST',
    body: text,
    signal: ctx.signal,
  })
  return response.ok
}, 'save')

export function Editor({ text }: { text: string }) {
  // #region drop
  // A second click while saving does nothing.
  const saveNow = useLongCallback(save, { concurrency: 'drop' })
  // #endregion
  // #region keepLatest
  // Autosave: let the save in flight finish, then save only the newest text.
  const autosave = useLongCallback(save, { concurrency: 'keepLatest' })
  // #endregion
  return (
    <textarea
      defaultValue={text}
      onChange={(event) => autosave.invoke(event.target.value)}
      onBlur={(event) => saveNow.invoke(event.target.value)}
    />
  )
}
