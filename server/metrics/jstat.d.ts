// The one function of jstat Waymark uses (the package ships no types). jstat is CommonJS:
// Node's ESM loader sees only its default export (module.exports, which is jStat itself).
declare module "jstat" {
  const jStat: {
    studentt: { inv(p: number, dof: number): number };
  };
  export default jStat;
}
