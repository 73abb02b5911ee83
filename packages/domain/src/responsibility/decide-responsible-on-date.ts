import { type Interval, isValidOn } from './is-valid-on';
import {
  type PostKind,
  RESPONSIBILITY_ROLES,
  type ResponsibilityRole,
  getRoleOfPostKind,
} from './post-kinds';

export type PostFacts = Interval & { postKind: PostKind };

export type DecideResponsibleOnDateInput<P extends PostFacts> = { posts: readonly P[]; date: string };

export type ResponsibleByRole<P> = Record<ResponsibilityRole, P[]>;

/**
 * Who held each responsibility role on `date`: the posts valid that day, grouped by the role their
 * kind carries, in the order given. Several holders of one role are normal (党政同责: secretary and
 * head are both principals) and so are overlapping acting posts (代理) during a handover.
 */
export const decideResponsibleOnDate = <P extends PostFacts>({
  posts,
  date,
}: DecideResponsibleOnDateInput<P>): ResponsibleByRole<P> => {
  const roles = Object.fromEntries(RESPONSIBILITY_ROLES.map((r) => [r, [] as P[]])) as ResponsibleByRole<P>;
  for (const post of posts) if (isValidOn(post, date)) roles[getRoleOfPostKind(post.postKind)].push(post);
  return roles;
};
