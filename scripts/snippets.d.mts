export interface Snippet {
  ref: string
  actual: string
  expected: string
  start: number
  length: number
  header: string
}
export function snippetsOf(file: string): Snippet[]
export function markdownFiles(): string[]
