// The entry the bundlers build: the app of the bundler guide, and the
// behaviour checks beside it.
import './main.js'
import './checks.js'
