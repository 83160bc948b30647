import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AppModule } from '../../platform/module.ts';
import { reviewsRoutes } from './reviews-routes.ts';
import { reviewsService } from './reviews-service.ts';

/** 客户档案半年复审 (GK-03 四): the half-yearly customer review, by hand and as a scheduled job. */
export const buildReviewsModule = ({ db, clock }: { db: Db; clock: Clock }): AppModule => {
  const reviews = reviewsService({ db });
  return {
    name: 'reviews',
    routes: (app) => reviewsRoutes(app, { reviews }),
    handlers: {
      'customer-review': () => reviews.run({ actor: null, requestId: 'job', ip: null, clock }, 'scheduled'),
    },
    api: {},
  };
};
