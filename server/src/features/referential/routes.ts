import { NotFoundError } from '../../lib/errors';
import { createRouter, respond, routesTagged } from '../../lib/openapi';
import { getExam, listExams, referential } from './lookups';
import { ExamIdParamSchema, ExamSchema, ExamSummarySchema, ReferentialSchema } from './schemas';

const referentialRoute = routesTagged('Référentiel');
const examRoute = routesTagged('Épreuves');

/** `GET /api/referential`: blocs, activities and competencies. */
export function referentialRoutes() {
  return createRouter().openapi(
    referentialRoute.get('/', 'Blocs, activités et compétences du référentiel', {
      responses: respond.ok('Le référentiel', ReferentialSchema),
    }),
    (c) =>
      c.json(
        {
          id: referential.id,
          title: referential.title,
          source: referential.source,
          blocs: referential.blocs,
          remarks: referential.remarks,
        },
        200,
      ),
  );
}

/** `GET /api/exams`, `GET /api/exams/:id`. */
export function examRoutes() {
  return createRouter()
    .openapi(
      examRoute.get('/', 'Les dix épreuves (études de cas)', {
        responses: respond.ok('Liste des épreuves', ExamSummarySchema.array()),
      }),
      (c) =>
        c.json(
          listExams().map(({ id, bloc, case: caseName, competencies, modalities }) => ({
            id,
            bloc,
            case: caseName,
            competencies,
            modalities,
          })),
          200,
        ),
    )
    .openapi(
      examRoute.get('/{id}', "Une épreuve : modalités, livrables, critères d'évaluation", {
        request: { params: ExamIdParamSchema },
        responses: respond.ok("L'épreuve", ExamSchema, 404),
      }),
      (c) => {
        const exam = getExam(c.req.valid('param').id);
        if (!exam) throw new NotFoundError('Épreuve', c.req.valid('param').id);
        return c.json(exam, 200);
      },
    );
}
