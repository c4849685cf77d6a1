declare module 'virtual:preflight/default-pack' {
  const pack: import('../rules/schema').Pack;
  export default pack;
}
