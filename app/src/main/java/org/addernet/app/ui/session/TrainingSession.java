package org.addernet.app.ui.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.addernet.datasets.toy.ToyData;
import org.addernet.engine.model.ModelSpec;
import org.addernet.engine.model.Models;
import org.addernet.engine.nn.Parameter;
import org.addernet.engine.train.RunOutcome;
import org.addernet.engine.train.StepMetrics;
import org.addernet.engine.train.TrainConfig;
import org.addernet.engine.train.Trainer;
import org.addernet.engine.train.RunStatus;

/**
 * Trains several models on the same data on one worker thread and publishes snapshots.
 *
 * <p>Commands ({@link #play}, {@link #pause}, {@link #step}, {@link #setSpeed}, {@link #setLearningRate},
 * {@link #close}) only set state or queue work and return at once; the worker applies them
 * between training steps. Snapshots go to the publisher on the worker thread, at most every
 * {@code publishMillis} while running and after every pause, step and finish.
 */
public final class TrainingSession implements AutoCloseable {
    /** Steps per second meaning "as fast as the machine goes". */
    public static final double MAX_SPEED = Double.POSITIVE_INFINITY;

    private final List<Trainer> trainers = new ArrayList<>();
    private final List<ModelSpec> specs;
    private final List<List<StepMetrics>> histories = new ArrayList<>();
    private final TrainConfig config;
    private final ToyData data;
    private final double extent;
    private final int gridResolution;
    private final int fieldResolution;
    private final Consumer<SessionSnapshot> publisher;
    private final long publishNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final Thread worker;
    private volatile boolean running;
    private volatile boolean closed;
    private volatile double speed = MAX_SPEED;
    private double pacedSpeed = Double.NaN;
    private long version;

    /**
     * @param specs          the models, trained in lock-step on {@code data}
     * @param seed           model and batch-order seed (the same for every model, as the runner does)
     * @param gridResolution lattice size of the decision grids in snapshots
     */
    public TrainingSession(List<ModelSpec> specs, TrainConfig config, ToyData data, long seed, double extent,
                           int gridResolution, int fieldResolution, long publishMillis,
                           Consumer<SessionSnapshot> publisher) {
        this.specs = List.copyOf(specs);
        this.config = config;
        this.data = data;
        this.extent = extent;
        this.gridResolution = gridResolution;
        this.fieldResolution = fieldResolution;
        this.publisher = publisher;
        this.publishNanos = publishMillis * 1_000_000L;
        for (ModelSpec s : this.specs) {
            trainers.add(new Trainer(Models.build(s, data.train().dim(), 1, seed), config, data.train(), data.test(), seed));
            histories.add(new ArrayList<>());
        }
        worker = new Thread(this::loop, "training");
        worker.setDaemon(true);
    }

    /** Starts the worker and publishes the untrained state. */
    public TrainingSession start() {
        worker.start();
        commands.add(this::publish);
        signal();
        return this;
    }

    public void play() {
        running = true;
        signal();
    }

    public void pause() {
        running = false;
        commands.add(this::publish);
        signal();
    }

    /** One training step of every model (while paused), then a snapshot; queued in order with other commands. */
    public void step() {
        commands.add(() -> {
            stepAll();
            publish();
        });
        signal();
    }

    /** Steps per second per model, or {@link #MAX_SPEED}. */
    public void setSpeed(double stepsPerSecond) {
        if (!(stepsPerSecond > 0)) {
            throw new IllegalArgumentException("speed must be > 0 steps/s, got " + stepsPerSecond);
        }
        speed = stepsPerSecond;
        signal();
    }

    /** Changes the base learning rate of every model from the next step on. */
    public void setLearningRate(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + lr);
        }
        commands.add(() -> trainers.forEach(t -> t.setBaseLr(lr)));
        signal();
    }

    public boolean isRunning() {
        return running;
    }

    public List<ModelSpec> specs() {
        return specs;
    }

    public TrainConfig config() {
        return config;
    }

    public ToyData data() {
        return data;
    }

    /** Stops the worker (after its current step); no snapshot follows. */
    @Override
    public void close() {
        closed = true;
        running = false;
        signal();
    }

    /** Waits for the worker to end (tests). */
    public void join(long millis) throws InterruptedException {
        worker.join(millis);
    }

    private void signal() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean finished() {
        return trainers.stream().allMatch(Trainer::isFinished);
    }

    private void loop() {
        long lastPublish = 0;
        long stepsDone = 0;
        long paceStart = System.nanoTime();
        while (!closed) {
            Runnable c;
            while ((c = commands.poll()) != null) {
                c.run();
            }
            if (!running || finished()) {
                if (running) {            // play on a finished run: say so, so the window shows it stopped
                    running = false;
                    publish();
                }
                awaitWork();
                stepsDone = 0;
                paceStart = System.nanoTime();
                continue;
            }
            double sp = speed;
            if (sp != pacedSpeed) {           // a new speed is paced from now, not from the run's start
                pacedSpeed = sp;
                stepsDone = 0;
                paceStart = System.nanoTime();
            }
            if (Double.isInfinite(sp)) {
                for (int k = 0; k < 20 && running && !closed && !finished(); k++) {
                    stepAll();
                }
            } else {
                long due = paceStart + (long) ((stepsDone + 1) * 1e9 / sp);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    sleepNanos(Math.min(wait, publishNanos));
                    if (System.nanoTime() < due || !running || closed) {
                        continue;
                    }
                }
                stepAll();
                stepsDone++;
            }
            long now = System.nanoTime();
            if (finished()) {
                running = false;
                publish();
            } else if (now - lastPublish >= publishNanos) {
                publish();
                lastPublish = now;
            }
        }
    }

    private void awaitWork() {
        lock.lock();
        try {
            if (!closed && !running && commands.isEmpty()) {
                wake.awaitNanos(200_000_000L);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    private void sleepNanos(long n) {
        lock.lock();
        try {
            wake.awaitNanos(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    private void stepAll() {
        for (int k = 0; k < trainers.size(); k++) {
            List<StepMetrics> h = histories.get(k);
            trainers.get(k).step(h::add);
        }
    }

    private void publish() {
        if (closed) {
            return;
        }
        List<ModelSnapshot> models = new ArrayList<>();
        for (int k = 0; k < trainers.size(); k++) {
            Trainer t = trainers.get(k);
            RunOutcome o = t.outcome(0);
            boolean diverged = o.status() == RunStatus.DIVERGED;
            Map<String, float[]> weights = new LinkedHashMap<>();
            int w = 0;
            for (Parameter p : t.network().parameters()) {
                if (p.isWeight()) {
                    weights.put("layer" + (++w), p.value.clone());
                }
            }
            String status = t.isFinished() ? o.status().id() : running ? RunStatus.RUNNING.id() : t.iteration() == 0 ? "ready" : "paused";
            models.add(new ModelSnapshot(specs.get(k), t.iteration(), config.iterations(), status, histories.get(k),
                    diverged ? null : t.decisionGrid(gridResolution, extent), fieldResolution,
                    diverged ? new float[0][] : t.hiddenResponses(fieldResolution, extent), t.adderCentres(), weights,
                    o.trainAccuracy(), o.testAccuracy()));
        }
        publisher.accept(new SessionSnapshot(++version, data, extent, models, running, finished()));
    }
}
