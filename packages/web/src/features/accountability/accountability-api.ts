import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptRectificationRequest,
  AccountabilityStepId,
  CaseDetail,
  CaseList,
  CaseOptions,
  CaseStep,
  CaseSummary,
  DecideProposalRequest,
  DecideStepRequest,
  OpenCaseRequest,
  OpenMajorCaseRequest,
  Proposal,
  ProposalList,
  RecordCaseReportRequest,
  RecordCircumstanceRequest,
  StepDeadline,
} from '@zongzhi/contracts';
import type { CaseStatus, ProposalStatus } from '@zongzhi/domain';
import { api } from '../../lib/api';

export type {
  AccountabilityStepId,
  CaseDetail,
  CaseOptions,
  CaseStatus,
  CaseStep,
  CaseSummary,
  Proposal,
  ProposalStatus,
  StepDeadline,
};

/** The API paths of the area, in one place. */
const P = {
  cases: '/accountability/cases',
  case: (id: number) => `/accountability/cases/${id}`,
  majorCases: '/accountability/major-cases',
  steps: (id: number) => `/accountability/cases/${id}/steps`,
  reports: (id: number) => `/accountability/cases/${id}/reports`,
  acceptance: (id: number) => `/accountability/cases/${id}/acceptance`,
  circumstances: (id: number) => `/accountability/cases/${id}/circumstances`,
  proposals: '/accountability/proposals',
  proposalDecision: (id: number) => `/accountability/proposals/${id}/decision`,
  options: '/accountability/options',
};

export type CaseFilters = {
  unitId: number | null;
  step: AccountabilityStepId | null;
  status: CaseStatus | null;
  pending: 'true' | null;
  overdue: 'true' | null;
};

export const useCases = (filters: CaseFilters & { page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['accountability', 'cases', filters],
    queryFn: () => api.get<CaseList>(P.cases, filters),
    placeholderData: keepPreviousData,
  });

export const useCase = (id: number | null) =>
  useQuery({
    queryKey: ['accountability', 'case', id],
    queryFn: () => api.get<CaseDetail>(P.case(id ?? 0)),
    enabled: id !== null && Number.isFinite(id),
  });

export const useProposals = (
  filters: { unitId: number | null; status: ProposalStatus | null; caseId?: number | null },
  page = 1,
  pageSize = 50,
) =>
  useQuery({
    queryKey: ['accountability', 'proposals', filters, page, pageSize],
    queryFn: () => api.get<ProposalList>(P.proposals, { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });

export const useCaseOptions = (unitId: number | null) =>
  useQuery({
    queryKey: ['accountability', 'options', unitId],
    queryFn: () => api.get<CaseOptions>(P.options, { unitId }),
    enabled: unitId !== null,
  });

export const openCase = (body: OpenCaseRequest) => api.post<CaseDetail>(P.cases, body);
export const openMajorCase = (body: OpenMajorCaseRequest) => api.post<CaseDetail>(P.majorCases, body);
export const decideStep = (caseId: number, body: DecideStepRequest) =>
  api.post<CaseDetail>(P.steps(caseId), body);
export const recordReport = (caseId: number, body: RecordCaseReportRequest) =>
  api.post<unknown>(P.reports(caseId), body);
export const acceptRectification = (caseId: number, body: AcceptRectificationRequest) =>
  api.post<unknown>(P.acceptance(caseId), body);
export const recordCircumstance = (caseId: number, body: RecordCircumstanceRequest) =>
  api.post<unknown>(P.circumstances(caseId), body);
export const decideProposal = (proposalId: number, body: DecideProposalRequest) =>
  api.post<Proposal>(P.proposalDecision(proposalId), body);

/** A decision changes the board, the case, the proposals and what eligibility answers. */
export const useInvalidateAccountability = () => {
  const qc = useQueryClient();
  return async () => {
    await Promise.all(
      ['accountability', 'eligibility', 'documents'].map((key) => qc.invalidateQueries({ queryKey: [key] })),
    );
  };
};
