package jp.kodoku.platform.gateway.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.infra.readmodel.Projections;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.util.Map;

/** Operations: see whether read models are caught up, and rebuild one from the events. */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Operations")
@SecurityRequirement(name = "bearer")
class ProjectionsController {

    private final Projections projections;

    ProjectionsController(Projections projections) {
        this.projections = projections;
    }

    @GetMapping
    @Operation(summary = "Each projection: whether it is caught up with the event store, and per segment the node "
            + "that runs it, its position and how many positions it is behind the head")
    Map<String, Projections.ProjectionStatus> status() {
        Access.requireSecretariat();
        return projections.status();
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Drop a projection's read models and replay all events into them (runs in the background), "
            + "through any node: the others let go of the projection's segments first; 409 projection-owned-elsewhere "
            + "when a node named did not let go in time (or the nodes do not notify each other): send it again, or to "
            + "that node")
    @ApiResponse(responseCode = "202", description = "Started; GET the projections to see when it has caught up")
    ResponseEntity<Void> rebuild(@PathVariable String name) {
        Access.requireSecretariat();
        if (!projections.projections().contains(name)) {
            throw new NotFound("no projection named " + name + "; known: " + projections.projections());
        }
        projections.rebuild(name);
        return ResponseEntity.accepted().build();
    }
}
