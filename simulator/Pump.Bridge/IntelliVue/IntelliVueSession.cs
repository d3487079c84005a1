using System;
using System.Collections.Generic;
using Pump.Bridge.Model;

namespace Pump.Bridge.IntelliVue
{
    /// <summary>
    /// The client side of one IntelliVue Data Export association as a state machine without I/O (the UDP source
    /// and the simulated end-to-end test drive it): associate, answer the MDS create event, poll numerics every
    /// poll period, and declare the association lost after the receive timeout, on an abort, a refusal or a
    /// release. Re-associating never resets the values' freshness: each value carries its own age.
    /// </summary>
    public sealed class IntelliVueSession
    {
        public enum Phase
        {
            Idle,
            Associating,
            WaitingForMdsCreate,
            Polling,
        }

        private readonly ISourceEvents _events;
        private readonly ulong _sourceId;
        private readonly string _bedLabel;
        private long _lastReceiveMs;
        private long _lastSendMs = long.MinValue / 2; // the first association is requested at once
        private long _nextPollMs;
        private int _invokeId;
        private int _pollNumber;
        private readonly List<IntelliVueNumeric> _linkedParts = new();
        private int _linkedPoll = -1;

        public IntelliVueSession(ISourceEvents events, ulong sourceId, string bedLabel)
        {
            _events = events;
            _sourceId = sourceId;
            _bedLabel = bedLabel;
        }

        public Phase State { get; private set; } = Phase.Idle;

        public int PollPeriodMs { get; init; } = 1000;

        /// <summary>Silence after which the association is taken as gone (monitor-interop.md §3.5).</summary>
        public int ReceiveTimeoutMs { get; init; } = 5000;

        /// <summary>Wait between association attempts.</summary>
        public int RetryMs { get; init; } = 2000;

        public long PollsAnswered { get; private set; }

        /// <summary>Datagrams to send at <paramref name="nowMs"/>: an association request, a poll, or nothing.</summary>
        public List<byte[]> Tick(long nowMs)
        {
            var send = new List<byte[]>();
            if (State != Phase.Idle && nowMs - _lastReceiveMs > ReceiveTimeoutMs)
            {
                Drop(nowMs, $"no message from the monitor for {ReceiveTimeoutMs} ms");
                send.Add(DataExport.ReleaseRequest());
            }
            if (State == Phase.Associating && nowMs - _lastSendMs >= RetryMs)
            {
                // No answer (the monitor was not listening yet, or the datagram was lost): ask again rather than
                // wait out the data timeout.
                _lastReceiveMs = nowMs;
                _lastSendMs = nowMs;
                _events.Log("association", "no answer to the association request: asking again");
                send.Add(DataExport.AssociationRequest((uint)(PollPeriodMs * DataExport.TicksPerMs)));
            }
            else if (State == Phase.Idle && nowMs - _lastSendMs >= RetryMs)
            {
                State = Phase.Associating;
                _lastReceiveMs = nowMs;
                _lastSendMs = nowMs;
                _events.Log("association", "requesting an association");
                send.Add(DataExport.AssociationRequest((uint)(PollPeriodMs * DataExport.TicksPerMs)));
            }
            else if (State == Phase.Polling && nowMs >= _nextPollMs)
            {
                _nextPollMs = nowMs + PollPeriodMs;
                _lastSendMs = nowMs;
                send.Add(DataExport.ExtendedPollRequest(++_invokeId & 0xFFFF, ++_pollNumber & 0xFFFF));
            }
            return send;
        }

        /// <summary>Handles a datagram from the monitor; returns the replies to send.</summary>
        public List<byte[]> OnDatagram(byte[] d, long nowMs, DateTimeOffset nowUtc)
        {
            var send = new List<byte[]>();
            int kind = DataExport.SessionKind(d);
            if (kind >= 0)
            {
                OnSession(kind, nowMs);
                return send;
            }
            if (State == Phase.Idle)
            {
                _events.Log("refused", "data export message outside an association ignored");
                return send;
            }
            _lastReceiveMs = nowMs;
            if (State == Phase.WaitingForMdsCreate && DataExport.ParseMdsCreate(d) is { } create)
            {
                send.Add(DataExport.MdsCreateResult(create.InvokeId, create.Class, create.Context, create.Handle, create.RelativeTime));
                State = Phase.Polling;
                _nextPollMs = nowMs;
                _events.Log("association", "MDS create event answered: polling numerics");
                return send;
            }
            if (State == Phase.Polling && DataExport.ParsePollResult(d) is { } poll)
            {
                OnPollResult(poll, nowUtc);
                return send;
            }
            _events.Log("refused", $"unrecognised data export message ({d.Length} bytes) in phase {State}");
            return send;
        }

        /// <summary>
        /// A large result arrives as linked parts (ROLRS) closed by a plain result: the parts are gathered and
        /// reported once, whole, so no frame carries only part of the monitor's values. A part of another poll
        /// discards the unfinished set (logged).
        /// </summary>
        private void OnPollResult(PollResult poll, DateTimeOffset nowUtc)
        {
            if (poll.LinkedState != 0)
            {
                if (_linkedPoll != poll.PollNumber)
                {
                    if (_linkedParts.Count > 0)
                    {
                        _events.Log("refused", $"linked result of poll {_linkedPoll} left unfinished: its {_linkedParts.Count} values dropped");
                    }
                    _linkedParts.Clear();
                    _linkedPoll = poll.PollNumber;
                }
                _linkedParts.AddRange(poll.Numerics);
                return;
            }
            if (_linkedPoll == poll.PollNumber && _linkedParts.Count > 0)
            {
                var all = new List<IntelliVueNumeric>(_linkedParts);
                all.AddRange(poll.Numerics);
                poll = poll with { Numerics = all };
            }
            _linkedParts.Clear();
            _linkedPoll = -1;
            PollsAnswered++;
            _events.Report(IntelliVueMapping.ToReport(poll, nowUtc, _sourceId, _bedLabel));
        }

        /// <summary>The bridge is stopping: the release request to send (the association ends here).</summary>
        public byte[]? Release(long nowMs)
        {
            if (State == Phase.Idle)
            {
                return null;
            }
            Drop(nowMs, "released by the bridge");
            return DataExport.ReleaseRequest();
        }

        private void OnSession(int kind, long nowMs)
        {
            _lastReceiveMs = nowMs;
            switch (kind)
            {
                case DataExport.SessionAssociationAccept when State == Phase.Associating:
                    State = Phase.WaitingForMdsCreate;
                    _events.Log("association", "accepted by the monitor");
                    break;
                case DataExport.SessionRefuse:
                    Drop(nowMs, "association refused by the monitor");
                    break;
                case DataExport.SessionAbort:
                    Drop(nowMs, "association aborted by the monitor");
                    break;
                case DataExport.SessionReleaseRequest:
                case DataExport.SessionReleaseResponse:
                    Drop(nowMs, "association released");
                    break;
                default:
                    _events.Log("refused", $"session message 0x{kind:X2} in phase {State} ignored");
                    break;
            }
        }

        private void Drop(long nowMs, string why)
        {
            bool wasLive = State != Phase.Idle;
            State = Phase.Idle;
            _lastSendMs = nowMs;
            _events.Log("association", why);
            if (wasLive)
            {
                _events.Lost(why);
            }
        }
    }
}
