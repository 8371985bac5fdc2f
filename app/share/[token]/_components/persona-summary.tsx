// Who the shared journey is about: the persona's name, a line about them, the facts we know,
// their goals and pains, and the channels they prefer.
import { CHANNEL_LABELS } from "@/db/journey-constants";
import type { SharedMapView } from "@/server/services/share-links";
import { PersonaIcon } from "@/app/_components/icons";
import { initials } from "@/lib/format";

type Persona = NonNullable<SharedMapView["persona"]>;

export function PersonaSummary({ persona }: { persona: Persona }) {
  const { ageBand, occupation, location, income } = persona.demographics;
  const facts = [ageBand && `${ageBand} years`, occupation, location, income].filter((fact): fact is string => Boolean(fact));
  return (
    <section aria-labelledby="persona-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex items-start gap-4">
        <span aria-hidden className="flex size-11 shrink-0 items-center justify-center rounded-full bg-indigo-50 text-sm font-semibold text-indigo-700 ring-1 ring-indigo-100">
          {initials(persona.name)}
        </span>
        <div className="min-w-0 flex-1">
          <p className="flex items-center gap-1.5 text-xs font-medium tracking-wide text-slate-500 uppercase">
            <PersonaIcon className="size-3.5" /> Persona
          </p>
          <h2 id="persona-heading" className="mt-0.5 text-base font-semibold text-slate-900">
            {persona.name}
          </h2>
          {facts.length > 0 && <p className="mt-0.5 text-sm text-slate-500">{facts.join(" · ")}</p>}
          {persona.description && <p className="mt-2 text-sm text-slate-700">{persona.description}</p>}
        </div>
      </div>
      {(persona.goals.length > 0 || persona.pains.length > 0 || persona.preferredChannels.length > 0) && (
        <div className="mt-4 grid gap-4 border-t border-slate-100 pt-4 sm:grid-cols-3">
          <Facts title="Goals" items={persona.goals} />
          <Facts title="Pains" items={persona.pains} />
          <Facts title="Prefers" items={persona.preferredChannels.map((channel) => CHANNEL_LABELS[channel])} />
        </div>
      )}
    </section>
  );
}

function Facts({ title, items }: { title: string; items: readonly string[] }) {
  if (items.length === 0) return <div />;
  return (
    <div>
      <h3 className="text-xs font-semibold text-slate-900">{title}</h3>
      <ul className="mt-1.5 space-y-1 text-sm text-slate-600">
        {items.map((item, i) => (
          <li key={i} className="flex gap-2">
            <span aria-hidden className="mt-2 size-1 shrink-0 rounded-full bg-slate-400" />
            {item}
          </li>
        ))}
      </ul>
    </div>
  );
}
