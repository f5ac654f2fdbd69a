/** Where lessons are published: the `rubrics/lessons/` folder of Apprentice's repository. */
export const LESSONS_BASE_URL = "https://github.com/apprentice-app/apprentice/blob/main/rubrics/lessons/";

/** The lesson for a check, `rubrics/lessons/<id>.md`, as a link a learner can open. */
export function lessonUrl(ruleId: string, baseUrl: string = LESSONS_BASE_URL): string {
  return `${baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`}${encodeURIComponent(ruleId)}.md`;
}
