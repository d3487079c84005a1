using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Pump.Hal;
using Pump.ServiceTool;
using Pump.Sim.Service;

namespace Pump.Simulator.Tests.Service
{
    /// <summary>
    /// `pump-sim serve` in-process: a virtual pump in service mode on a free 127.0.0.1 port, ticked in real time
    /// on its own thread, and `pump-service` run against it with scripted input. Panel keys, power cuts and
    /// sensor changes go through <see cref="Do"/>, under the same lock as the ticks.
    /// </summary>
    internal sealed class ServedPumpHost : IDisposable
    {
        private readonly IDisposable _port;
        private readonly Thread _thread;
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private volatile bool _stop;

        public ServedPumpHost(int seed = 1, Action<ServedPump>? beforePowerUp = null)
            : this(new TcpServicePort(0), null, seed, beforePowerUp)
        {
        }

        /// <summary>Serves on <paramref name="port"/> (owned); <paramref name="connect"/> is what pump-service is given.</summary>
        public ServedPumpHost(IServicePort port, string? connect, int seed = 1, Action<ServedPump>? beforePowerUp = null)
        {
            _port = (IDisposable)port;
            Connect = connect ?? "tcp:127.0.0.1:" + ((TcpServicePort)port).Port;
            Served = new ServedPump(port, seed);
            beforePowerUp?.Invoke(Served);
            Served.PowerUp();
            _thread = new Thread(Loop) { IsBackground = true, Name = "served pump" };
            _thread.Start();
        }

        public ServedPump Served { get; }

        public string Connect { get; }

        private void Loop()
        {
            while (!_stop)
            {
                lock (Served.Sync)
                {
                    Served.AdvanceTo(_wall.ElapsedTicks * 1_000_000 / Stopwatch.Frequency);
                }
                Thread.Sleep(2);
            }
        }

        public T Do<T>(Func<ServedPump, T> action)
        {
            lock (Served.Sync)
            {
                return action(Served);
            }
        }

        public void Do(Action<ServedPump> action)
        {
            lock (Served.Sync)
            {
                action(Served);
            }
        }

        public void Press(PanelKey key) => Do(s => s.Pump.Keypad.Press(key));

        /// <summary>
        /// Waits (wall time) until the condition holds under the lock. The default deadline only bounds a hang: on
        /// a loaded machine a tool's start (JIT, connect) can take seconds.
        /// </summary>
        public bool WaitFor(Func<ServedPump, bool> condition, double seconds = 60)
        {
            var wall = Stopwatch.StartNew();
            while (wall.Elapsed.TotalSeconds < seconds)
            {
                if (Do(condition))
                {
                    return true;
                }
                Thread.Sleep(5);
            }
            return false;
        }

        /// <summary>Cut and restore the supply: a fresh boot of service mode over the same store.</summary>
        public void PowerCycle() => Do(s =>
        {
            s.CutPower();
            s.PowerUp();
        });

        public ToolRun Tool(params string[] args) => ToolWithInput(new StringReader(""), args);

        public ToolRun ToolWithInput(TextReader input, params string[] args)
        {
            var all = new List<string>(args) { "--connect", Connect, "--timeout-s", "3" };
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = Pump.ServiceTool.Program.Run(all.ToArray(), new ToolIo(input, output, error));
            return new ToolRun(exit, output.ToString(), error.ToString());
        }

        /// <summary>
        /// Runs the tool on a thread of its own while the test drives the pump: on the thread pool it could wait
        /// seconds for a thread while other tests hold them (the suite runner and batch tests do), and miss the
        /// test's wait for its first request.
        /// </summary>
        public Task<ToolRun> ToolAsync(params string[] args) =>
            Task.Factory.StartNew(() => Tool(args), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
            _port.Dispose();
        }
    }

    internal sealed record ToolRun(int Exit, string Out, string Error)
    {
        public override string ToString() => "exit " + Exit + "\n" + Out + "\n" + Error;
    }

    /// <summary>Answers each prompt with an empty line after doing what the prompt asks (placing a weight, moving the pusher).</summary>
    internal sealed class ScriptedInput(params Action[] steps) : TextReader
    {
        private int _next;

        public override string? ReadLine()
        {
            if (_next >= steps.Length)
            {
                return null;
            }
            steps[_next++]();
            return "";
        }
    }
}
