// Personas: the kinds of customer the organization designs for, and maps journeys of.
import type { Metadata } from "next";
import { can } from "@/server/auth/permissions";
import { serverApi } from "@/server/trpc/server";
import { orPageError } from "@/app/_lib/page-data";
import { PersonaIcon, PlusIcon } from "@/app/_components/icons";
import { ButtonLink } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getOrg, type OrgPageProps } from "../_lib/org";
import { CreatePersona } from "./_components/create-persona";
import { PersonaCard } from "./_components/persona-card";

export const metadata: Metadata = { title: "Personas" };

type PersonasPageProps = OrgPageProps & { searchParams: Promise<{ new?: string }> };

export default async function PersonasPage({ params, searchParams }: PersonasPageProps) {
  const { orgSlug } = await params;
  const [org, api, query] = await Promise.all([getOrg(orgSlug), serverApi(), searchParams]);
  const path = `/o/${org.slug}/personas`;
  const personas = await orPageError(api.persona.list({ orgSlug }), path);
  const canEdit = can(org.role, "persona.edit");
  const creating = canEdit && query.new !== undefined;

  return (
    <>
      <PageHeader
        title="Personas"
        description={
          canEdit
            ? "The kinds of customer you design for: who they are, what they want and what gets in their way. Each journey map follows one of them."
            : "The kinds of customer you design for: who they are, what they want and what gets in their way. Members and above can change them."
        }
        actions={
          canEdit &&
          !creating && (
            <ButtonLink href={`${path}?new`}>
              <PlusIcon /> New persona
            </ButtonLink>
          )
        }
      />
      {creating && <CreatePersona orgSlug={org.slug} closeHref={path} />}
      {personas.length === 0 ? (
        !creating && (
          <Card>
            <EmptyState
              icon={<PersonaIcon className="size-5" />}
              title="No personas yet"
              description="A persona describes one kind of customer — a busy parent shopping on their phone, a first-time buyer comparing prices — with their goals, pains and the channels they prefer. Map each journey for one persona, so everyone designs for the same person."
              className="py-12"
            />
          </Card>
        )
      ) : (
        <ul aria-label="Personas" className="grid gap-4 lg:grid-cols-2">
          {personas.map((persona) => (
            // The version in the key remounts an edited card once the refreshed persona arrives.
            <PersonaCard key={`${persona.id}:${persona.version}`} orgSlug={org.slug} persona={persona} canEdit={canEdit} />
          ))}
        </ul>
      )}
    </>
  );
}
