export { createInlinePool } from './testing/createInlinePool.ts'
