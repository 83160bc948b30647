// Return visits and surveys (回访, 满意度调查): named from the generated API types.
import { allOf, type BodyOf, type Item, type QueryOf, type ResponseOf } from './schema';

export type VisitPage = ResponseOf<'/api/follow-up-visits'>;
export type VisitSummary = Item<VisitPage['items']>;
export type Visit = ResponseOf<'/api/follow-up-visits/{id}'>;
export type VisitListParams = QueryOf<'/api/follow-up-visits'>;
export type VisitKind = NonNullable<VisitListParams['kind']>;
export type FollowUpStatus = NonNullable<VisitListParams['followUpStatus']>;
export const VISIT_KINDS = allOf<VisitKind>()(['service', 'complaint']);
/** The document gives a visit's status as a plain string (open | done | unreachable | cancelled). */
export type VisitStatus = VisitSummary['status'];
export type VisitQuestion = Item<Visit['questions']>;
export type VisitAnswer = Item<Visit['answers']>;
export type CompleteVisitBody = BodyOf<'/api/follow-up-visits/{id}/complete'>;

export type SurveyBody = BodyOf<'/api/surveys'>;
export type Survey = ResponseOf<'/api/surveys/{id}'>;
export type SurveyPage = ResponseOf<'/api/surveys'>;
export type SurveyQuestion = Item<Survey['questions']>;
export type SurveyListParams = QueryOf<'/api/surveys'>;
export type SurveyStatus = NonNullable<SurveyBody['status']>;
export type QuestionType = Item<SurveyBody['questions']>['type'];
export const SURVEY_STATUSES = allOf<SurveyStatus>()(['draft', 'active', 'closed']);
export const QUESTION_TYPES = allOf<QuestionType>()(['score', 'nps', 'choice', 'text']);

export type SendResult = ResponseOf<'/api/surveys/{id}/send', 'post'>;
export type InviteResult = ResponseOf<'/api/surveys/{id}/invite', 'post'>;

export type ResultParams = QueryOf<'/api/surveys/{id}/results'>;
export type ResultDimension = NonNullable<ResultParams['by']>;
export const RESULT_DIMENSIONS = allOf<ResultDimension>()([
  'period',
  'engineer',
  'dealer',
  'product',
  'region',
]);
export type SurveyResults = ResponseOf<'/api/surveys/{id}/results'>;
export type ResultRow = Item<SurveyResults['rows']>;

export type InvitationParams = QueryOf<'/api/surveys/{id}/invitations'>;
export type InvitationStatus = NonNullable<InvitationParams['status']>;
export const INVITATION_STATUSES = allOf<InvitationStatus>()(['open', 'answered', 'expired']);
export type Invitations = ResponseOf<'/api/surveys/{id}/invitations'>;
export type Invitation = Item<Invitations['items']>;

export type PublicSurvey = ResponseOf<'/api/public/surveys/{token}'>;
export type SurveyAnswerBody = BodyOf<'/api/public/surveys/{token}'>;
export type SurveyAnswerValue = Item<SurveyAnswerBody['answers']>['value'];
export type SurveyAnswerResult = ResponseOf<'/api/public/surveys/{token}', 'post', 201>;
