/**
 * Every endpoint of the HTTP API, declared once. The server mounts these (validation, role,
 * audit), /api/openapi.json is generated from them, the tests walk them, and the web client
 * takes its types from them (`import type`, so zod stays out of the browser bundle).
 */
import { activateVersion, cancelUpload, getRejectedRows, getTemplate, getUpload, importUpload, listUploads, listVersions, uploadRegister } from './admin';
import { getBasemapContext } from './basemap';
import { getChoropleth } from './choropleth';
import { getGrid } from './grid';
import { getEmergingHotspots, getHotspots } from './hotspots';
import { getPlanner, getPlannerCsv, getPlannerXlsx, postAllocate, postWhatIf } from './planner';
import { getPoints } from './points';
import { addUser, exportRecords, listUsers, removeUser } from './records';
import { searchUnits } from './search';
import { getSession, login, logout } from './session';
import { getSummary } from './summary';
import { getConfig, getHealth, getOpenApi } from './system';
import { getTimeseries } from './timeseries';
import { getUnitProfile, getUnits } from './units';

export const ENDPOINTS = {
  getHealth,
  login,
  getSession,
  logout,
  getConfig,
  getOpenApi,
  getSummary,
  getUnits,
  getUnitProfile,
  getChoropleth,
  searchUnits,
  getTimeseries,
  getGrid,
  getBasemapContext,
  getPoints,
  getHotspots,
  getEmergingHotspots,
  getPlanner,
  getPlannerCsv,
  getPlannerXlsx,
  postWhatIf,
  postAllocate,
  exportRecords,
  listUsers,
  addUser,
  removeUser,
  uploadRegister,
  listUploads,
  getUpload,
  getRejectedRows,
  importUpload,
  cancelUpload,
  listVersions,
  activateVersion,
  getTemplate,
} as const;

export type Endpoints = typeof ENDPOINTS;
export type OperationId = keyof Endpoints;

export * from './endpoint';
export * from './common';
export * from './params';
export type { ImportReportResponse, ReportEntry, UploadResponse, VersionResponse } from './admin';
export type { BasemapContextResponse, ContextFeature, ContextProvinceFeature, ContextRiverFeature, ContextTownFeature } from './basemap';
export type { BreaksBasis, ChoroplethResponse, ChoroplethValue } from './choropleth';
export type { GridCell, GridResponse } from './grid';
export type {
  EmergingFeature,
  EmergingResponse,
  HotSpotWarning,
  HotspotFeature,
  HotspotsResponse,
  MannKendallResult,
  StatisticInputs,
} from './hotspots';
export type { AllocateResponse, AllocationStepRow, CommuneAllocationRow, PlannerResponse, PlannerRow, PlannerWhy, WhatIfResponse } from './planner';
export { POINT_FORMS, type PointForm, type PointsJsonResponse } from './points';
export { EXPORT_FORMATS, EXPORT_MEDIA_TYPES, type ExportFormat, type PublicUser } from './records';
export type { SearchHit } from './search';
export type { SessionResponse } from './session';
export type { PublishedComparison, PublishedFigure, SummaryOutcomeKey, SummaryResponse } from './summary';
export type { ConfigResponse, HealthResponse } from './system';
export type { TimeseriesPoint, TimeseriesResponse } from './timeseries';
export type {
  Unit2025Feature,
  Unit2025Properties,
  UnitCollection,
  UnitComparison,
  UnitFeature,
  UnitGeometry,
  UnitProfileResponse,
  UnitProperties,
  Units2025Response,
  UnitsResponse,
  UnmappedCommune,
} from './units';
