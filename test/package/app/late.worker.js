// A worker module that defines its tasks only after an await, as one that
// loads a WebAssembly module first does. No top-level await: bundlers may
// emit workers as classic scripts.
import { defineTasks } from 'react-long-callback/worker'

const setup = new Promise((resolve) => setTimeout(() => resolve(3), 100))

setup.then((factor) => defineTasks({ scale: (n) => n * factor }))
