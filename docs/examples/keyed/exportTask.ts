import { defineLongTask } from 'react-long-callback'

export const exportReport = defineLongTask(async (month: string, ctx) => {
  const response = await fetch(`/api/report/${month}`, { signal: ctx.signal })
  ctx.progress(null, 'building the file')
  return URL.createObjectURL(await response.blob())
}, 'exportReport')
