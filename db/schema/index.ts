export * from "./identity";
export * from "./organizations";
export * from "./teams";
export * from "./audit";
export * from "./relations";
