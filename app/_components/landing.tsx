// The short introduction for signed-out visitors.
import { ButtonLink } from "./ui/button";
import { ChartIcon, FlagIcon, RouteIcon } from "./icons";
import { Wordmark } from "./wordmark";

const PILLARS = [
  { icon: RouteIcon, title: "Map", body: "Lay out every stage and touchpoint of your customers’ journey, and who owns each one." },
  { icon: ChartIcon, title: "Measure", body: "Import survey responses and see satisfaction per touchpoint, over time and by segment." },
  { icon: FlagIcon, title: "Fix", body: "Route the obstacles you find to the team that can fix them, and check the fix worked." },
];

export function Landing() {
  return (
    <div className="flex min-h-screen flex-col bg-gradient-to-b from-white to-slate-100">
      <header className="mx-auto flex w-full max-w-6xl items-center justify-between px-6 py-5">
        <Wordmark />
        <nav className="flex items-center gap-2">
          <ButtonLink href="/sign-in" variant="ghost">
            Sign in
          </ButtonLink>
          <ButtonLink href="/sign-up">Create account</ButtonLink>
        </nav>
      </header>
      <main className="mx-auto w-full max-w-6xl flex-1 px-6 pt-20 pb-24">
        <div className="max-w-2xl">
          <p className="text-sm font-medium text-indigo-600">Customer-journey management</p>
          <h1 className="mt-3 text-4xl font-semibold tracking-tight text-balance text-slate-900 sm:text-5xl">
            See where customers get stuck, and get it fixed.
          </h1>
          <p className="mt-5 text-lg text-slate-600">
            Waymark brings your journey maps, survey feedback and the teams who own each touchpoint into one place.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <ButtonLink href="/sign-up" className="h-10 px-5">
              Create account
            </ButtonLink>
            <ButtonLink href="/sign-in" variant="secondary" className="h-10 px-5">
              Sign in
            </ButtonLink>
          </div>
        </div>
        <ul className="mt-20 grid gap-6 sm:grid-cols-3">
          {PILLARS.map(({ icon: Icon, title, body }) => (
            <li key={title} className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
              <span className="flex size-9 items-center justify-center rounded-md bg-indigo-50 text-indigo-600">
                <Icon className="size-5" />
              </span>
              <h2 className="mt-4 text-sm font-semibold text-slate-900">{title}</h2>
              <p className="mt-1.5 text-sm text-slate-600">{body}</p>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
