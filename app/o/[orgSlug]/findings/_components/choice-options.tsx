// The <option> lists the findings screens' selects share: teams, people and severities.
import { SEVERITIES, SEVERITY_LABELS } from "@/db/journey-constants";
import type { Person, Team } from "../_lib/types";

export function TeamOptions({ teams }: { teams: Team[] }) {
  return teams.map((t) => (
    <option key={t.id} value={t.id}>
      {t.name}
    </option>
  ));
}

export function PersonOptions({ people }: { people: Person[] }) {
  return people.map((p) => (
    <option key={p.userId} value={p.userId}>
      {p.name}
    </option>
  ));
}

export function SeverityOptions() {
  return SEVERITIES.map((s) => (
    <option key={s} value={s}>
      {SEVERITY_LABELS[s]}
    </option>
  ));
}
