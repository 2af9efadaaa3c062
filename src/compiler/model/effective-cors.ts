import type { AppModel, CorsModel, RouteModel } from './app-model';

/** The CORS configuration a route answers with: its own, else the app's default (`null` means `app.api.cors`). */
export function effectiveCors(route: RouteModel, model: AppModel): CorsModel | false {
  return route.cors ?? model.cors;
}
