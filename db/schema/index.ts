export * from "./identity";
export * from "./organizations";
export * from "./teams";
export * from "./audit";
export * from "./relations";
export * from "./journeys";
export * from "./collaboration";
export * from "./surveys";
