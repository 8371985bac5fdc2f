// Outgoing webhooks (admins): where finding events are POSTed, signed with each endpoint's
// secret; adding one, deleting one, a test event, and each endpoint's delivery log.
import type { Metadata } from "next";
import { ArrowRightIcon, LockIcon, PlusIcon } from "@/app/_components/icons";
import { ButtonLink } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { orPageError } from "@/app/_lib/page-data";
import { ROLE_LABELS } from "@/db/constants";
import { PERMISSIONS, can } from "@/server/auth/permissions";
import { serverApi } from "@/server/trpc/server";
import { DEFAULT_TOLERANCE_SECONDS, SIGNATURE_HEADER } from "@/server/webhooks/signature";
import { getOrg, type OrgPageProps } from "../../_lib/org";
import { CreateWebhook } from "./_components/create-webhook";
import { WebhookList } from "./_components/webhook-list";

export const metadata: Metadata = { title: "Webhooks" };

const DESCRIPTION = "Waymark POSTs an event to each address when a finding is created, changes status or is resolved. Every request is signed, failed deliveries are retried with growing pauses, and each endpoint keeps a delivery log.";

type WebhooksPageProps = OrgPageProps & { searchParams: Promise<{ new?: string }> };

export default async function WebhooksPage({ params, searchParams }: WebhooksPageProps) {
  const { orgSlug } = await params;
  const [org, query] = await Promise.all([getOrg(orgSlug), searchParams]);

  if (!can(org.role, "webhook.manage")) {
    const required = ROLE_LABELS[PERMISSIONS["webhook.manage"]].toLowerCase();
    return (
      <>
        <PageHeader title="Webhooks" description={DESCRIPTION} />
        <Card>
          <EmptyState
            icon={<LockIcon className="size-5" />}
            title="Webhooks are for admins and owners"
            description={`Your role in ${org.name} is ${ROLE_LABELS[org.role].toLowerCase()}; managing webhooks needs the ${required} role or higher.`}
            className="py-12"
          />
        </Card>
      </>
    );
  }

  const api = await serverApi();
  const path = `/o/${org.slug}/settings/webhooks`;
  const { endpoints } = await orPageError(api.webhook.list({ orgSlug }), path);
  const creating = query.new !== undefined;
  // The signing scheme comes from the module that signs, so the note cannot drift from it.
  const signing = { header: SIGNATURE_HEADER, toleranceSeconds: DEFAULT_TOLERANCE_SECONDS };

  return (
    <>
      <PageHeader
        title="Webhooks"
        description={DESCRIPTION}
        actions={
          !creating && (
            <ButtonLink href={`${path}?new`}>
              <PlusIcon /> Add endpoint
            </ButtonLink>
          )
        }
      />
      {creating && <CreateWebhook orgSlug={org.slug} closeHref={path} signing={signing} />}
      {endpoints.length === 0 ? (
        // While the first endpoint is being added, "none yet" under its form is noise.
        !creating && (
          <Card>
            <EmptyState
              icon={<ArrowRightIcon className="size-5" />}
              title="No webhooks yet"
              description="Add the address of your issue tracker, chat tool or integration, and choose which finding events it receives."
              className="py-12"
            />
          </Card>
        )
      ) : (
        <WebhookList orgSlug={org.slug} endpoints={endpoints} />
      )}
    </>
  );
}
