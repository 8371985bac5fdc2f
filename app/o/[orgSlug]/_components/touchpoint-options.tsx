// The <option>s of a touchpoint picker, grouped by map and stage (`group`): one rendering for
// every form that chooses a touchpoint (alerts, a survey's default, a mapping's fixed touchpoint).
export interface TouchpointChoice {
  id: string;
  /** Needed when the options' values are keys. */
  key?: string;
  name: string;
  /** The optgroup it is listed under, e.g. "Purchase journey · Delivery". */
  group: string;
}

/** `by`: what an option's value is — the touchpoint's id (default) or its key. */
export function TouchpointOptions({ touchpoints, by = "id" }: { touchpoints: readonly TouchpointChoice[]; by?: "id" | "key" }) {
  const groups = [...new Set(touchpoints.map((t) => t.group))];
  return groups.map((group) => (
    <optgroup key={group} label={group}>
      {touchpoints
        .filter((t) => t.group === group)
        .map((t) => (
          <option key={t.id} value={by === "key" ? (t.key ?? t.id) : t.id}>
            {t.name}
          </option>
        ))}
    </optgroup>
  ));
}
