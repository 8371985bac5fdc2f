// Every size limit of the app in one place: text field lengths, list counts, request body
// bytes and tRPC batch size. A leaf module: the forms, the tRPC client and the server share it.
import { z } from "zod";

/** Text field lengths, in characters (after trimming). */
export const TEXT_LIMITS = {
  organizationName: 80,
  teamName: 60,
  teamDescription: 280,
  personaName: 80,
  personaDescription: 1000,
  /** A demographic fact: location, occupation, income. */
  personaFact: 80,
  /** One goal or pain. */
  personaListItem: 200,
  mapName: 120,
  mapDescription: 2000,
  stageName: 60,
  stageDescription: 500,
  touchpointName: 80,
  touchpointKey: 60,
  touchpointDescription: 1000,
  customerAction: 300,
  touchpointNotes: 2000,
  insightTitle: 140,
  insightDescription: 2000,
  comment: 4000,
  surveyName: 120,
  /** An opaque paging cursor or a timestamp a client echoes back. */
  token: 200,
} as const;

/** List counts. */
export const LIST_LIMITS = {
  /** Goals, pains. */
  personaList: 20,
  stagesPerMap: 50,
  touchpointsPerStage: 200,
  insightsPerTouchpoint: 100,
  /** Whole-map caps of an imported file: a map on a wall has far fewer. */
  touchpointsPerMap: 500,
  insightsPerMap: 2000,
  /** Rows per page of a list query. */
  page: 100,
} as const;

const MB = 1024 * 1024;

/** Request bodies, in bytes. */
export const BODY_LIMITS = {
  /** Any tRPC request or server action. */
  default: 1 * MB,
  /**
   * A journey map import (journeyMap.import). A map at the list caps above with every text
   * field full of ASCII is 6.0 MB as the client sends it (tests/integration/request-limits.test.ts
   * builds and imports it); real maps are far smaller.
   */
  mapImport: 8 * MB,
  /** A survey export uploaded in the browser (streamed, never held in memory). */
  surveyUpload: 200 * MB,
} as const;

/** Calls in one batched tRPC request; the browser client splits larger batches itself. */
export const TRPC_MAX_BATCH_SIZE = 20;

const atMost = (max: number) => `At most ${max} characters.`;

/** Optional free text, trimmed, with the cap's message. */
export const cappedText = (max: number) => z.string().trim().max(max, atMost(max));

/** Required free text: a message for "empty" and one for "too long". */
export const requiredText = (max: number, emptyMessage: string) => z.string().trim().min(1, emptyMessage).max(max, atMost(max));
