// The dashboard procedures' answers turned into what the screens draw. The only module that
// knows both shapes: components take plain view types, so they stay simple to read and test.

/** The filter bar's choices. */
export interface FilterOptions {
  maps: { id: string; name: string }[];
  stages: { id: string; name: string; mapId: string; mapName: string }[];
  surveys: { id: string; name: string }[];
  segmentKeys: { key: string; values: string[] }[];
}
