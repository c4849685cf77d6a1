declare module 'virtual:preflight/default-pack' {
  const pack: import('../rules/schema').Pack;
  export default pack;
  export const patterns: Record<string, import('../rules/text/run-pattern').PreparedPattern>;
}
