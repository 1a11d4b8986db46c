package io.cairn.plan;

import io.cairn.audit.AdvisorException;
import io.cairn.catalog.Destination;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Pathway;
import java.util.List;

/** What a plan must reach: enough of a set of skills, or a pathway destination's requirement tree. */
sealed interface Aim {

  /**
   * Skills: an occupation's essential skills or a list of competencies.
   *
   * @param constrained every skill that counts toward the reach (held or not)
   * @param unmet those the learner does not hold yet
   * @param required how many of {@code unmet} the plan must cover
   * @param occupation the occupation's index, or -1 for a list of competencies
   */
  record Skills(IntSet constrained, IntSet unmet, int required, int occupation) implements Aim {
    int held() {
      return constrained.size() - unmet.size();
    }
  }

  /**
   * A pathway: any one of {@code destinations} satisfied (one, unless the nearest was asked for).
   */
  record PathwayAim(Pathway pathway, List<Destination> destinations, List<AdvisorException> exceptions)
      implements Aim {
    public PathwayAim {
      destinations = List.copyOf(destinations);
      exceptions = List.copyOf(exceptions);
    }
  }
}
