// API keys: how survey tools, webhooks and scripts send responses to this organization.
import type { Metadata } from "next";
import { PERMISSIONS, can } from "@/server/auth/permissions";
import { ROLE_LABELS } from "@/db/constants";
import { serverApi } from "@/server/trpc/server";
import { orPageError } from "@/app/_lib/page-data";
import { LockIcon, PlusIcon } from "@/app/_components/icons";
import { ButtonLink } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getOrg, type OrgPageProps } from "../../_lib/org";
import { ApiKeysTable } from "./_components/api-keys-table";
import { ApiUsage } from "./_components/api-usage";
import { CreateApiKey } from "./_components/create-api-key";

export const metadata: Metadata = { title: "API keys" };

const DESCRIPTION = "Keys let survey tools, webhooks and scripts send responses to Waymark with Authorization: Bearer <key>. Each key is shown once; Waymark keeps only a fingerprint of it.";

type ApiKeysPageProps = OrgPageProps & { searchParams: Promise<{ new?: string }> };

export default async function ApiKeysPage({ params, searchParams }: ApiKeysPageProps) {
  const { orgSlug } = await params;
  const [org, query] = await Promise.all([getOrg(orgSlug), searchParams]);

  if (!can(org.role, "apiKey.manage")) {
    const required = ROLE_LABELS[PERMISSIONS["apiKey.manage"]].toLowerCase();
    return (
      <>
        <PageHeader title="API keys" description={DESCRIPTION} />
        <Card>
          <EmptyState
            icon={<LockIcon className="size-5" />}
            title="API keys are for admins and owners"
            description={`Your role in ${org.name} is ${ROLE_LABELS[org.role].toLowerCase()}; managing keys needs the ${required} role or higher.`}
            className="py-12"
          />
        </Card>
      </>
    );
  }

  const api = await serverApi();
  const path = `/o/${org.slug}/settings/api-keys`;
  const keys = await orPageError(api.apiKey.list({ orgSlug }), path);
  const creating = query.new !== undefined;

  return (
    <>
      <PageHeader
        title="API keys"
        description={DESCRIPTION}
        actions={
          !creating && (
            <ButtonLink href={`${path}?new`}>
              <PlusIcon /> New key
            </ButtonLink>
          )
        }
      />
      {creating && <CreateApiKey orgSlug={org.slug} closeHref={path} />}
      <Card>
        {keys.length === 0 ? (
          <EmptyState
            icon={<LockIcon className="size-5" />}
            title="No API keys yet"
            description="Create a key for each tool that sends responses, so you can revoke one without stopping the others."
            className="py-12"
          />
        ) : (
          <ApiKeysTable orgSlug={org.slug} keys={keys} />
        )}
      </Card>
      <ApiUsage />
    </>
  );
}
