package floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The least a Jakarta REST application on Payara Micro is: one resource ({@link Hello}) and one readiness check
 * ({@link Ready}). bench/start-floor times its start to ready, as bench/run times the service's.
 */
@ApplicationPath("api")
public class Floor extends Application {
}
