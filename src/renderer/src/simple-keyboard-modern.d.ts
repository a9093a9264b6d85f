// The modern ES build of simple-keyboard has the same API as its default entry, which carries the types.
declare module 'simple-keyboard/build/index.modern.esm.js' {
  export { default } from 'simple-keyboard'
}
